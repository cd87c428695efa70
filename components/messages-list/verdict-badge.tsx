import { Badge, type BadgeTone } from '@/components/ui/badge';

// Red for quarantined attacks, amber for the spam folder; graymail and safe stay quiet so the
// eye lands on what was taken out of the inbox.
const tones: Record<string, BadgeTone> = { attack: 'danger', spam: 'warning', graymail: 'neutral', safe: 'neutral' };

export function VerdictBadge({ verdict }: { verdict: string }) {
  return <Badge tone={tones[verdict] ?? 'neutral'}>{verdict}</Badge>;
}
