import { Badge, type BadgeTone } from '@/components/ui/badge';

const verdictTone: Record<string, BadgeTone> = { attack: 'danger', spam: 'warning', graymail: 'neutral', safe: 'accent' };
const actionLabel: Record<string, string> = { quarantine: 'Quarantined', spam_folder: 'Spam folder', banner: 'Delivered with banner', deliver: 'Delivered' };
const labelTone: Record<string, BadgeTone> = { phish: 'danger', spam: 'warning', ham: 'accent' };

export function VerdictBadge({ verdict }: { verdict: string }) {
  return <Badge tone={verdictTone[verdict] ?? 'neutral'}>{verdict}</Badge>;
}

export function ActionText({ action }: { action: string }) {
  return <>{actionLabel[action] ?? action}</>;
}

/** The analyst ground truth from the corpus manifest (or a later labelling), not the engine's opinion. */
export function LabelBadge({ label }: { label: string }) {
  return <Badge tone={labelTone[label] ?? 'neutral'}>labelled {label}</Badge>;
}

/** Scores and contributions: signed, one decimal (two under 1, so small model terms are not "0.0"). */
export function formatPoints(value: number, signed = true): string {
  const digits = Math.abs(value) < 1 && value !== 0 ? 2 : 1;
  const text = Math.abs(value).toFixed(digits);
  if (!signed) return value < 0 ? `−${text}` : text;
  return value < 0 ? `−${text}` : `+${text}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const formatShare = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)}%`;
