import { NotFoundPanel } from '@/components/ui/not-found-panel';

export default function ConsoleNotFound() {
  return <NotFoundPanel />;
}
