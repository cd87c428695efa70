import { TwoColumnSkeleton } from '@/components/corrections/two-column-skeleton';

export default function Loading() {
  return <TwoColumnSkeleton />;
}
