import { MessageSkeleton } from '@/components/message/message-skeleton';

export default function Loading() {
  return <MessageSkeleton />;
}
