import { ListSkeleton } from '@/components/messages-list/list-skeleton';

export default function Loading() {
  return <ListSkeleton />;
}
