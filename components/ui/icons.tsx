// A handful of inline stroke icons (no icon font, no remote assets: CSP is 'self' only).
type IconProps = { className?: string };

const base = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export function InboxIcon({ className = 'size-4' }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" className={className} aria-hidden="true" {...base}>
      <path d="M3 11.5 5 4.5h10l2 7" />
      <path d="M3 11.5V16h14v-4.5h-4.2l-.8 2H8l-.8-2z" />
    </svg>
  );
}

export function FlaskIcon({ className = 'size-4' }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" className={className} aria-hidden="true" {...base}>
      <path d="M8 3h4M8.5 3v5L4 16h12l-4.5-8V3" />
      <path d="M6.2 12.5h7.6" />
    </svg>
  );
}

export function CheckListIcon({ className = 'size-4' }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" className={className} aria-hidden="true" {...base}>
      <path d="m3.5 6 1.5 1.5L7.5 5M3.5 13l1.5 1.5L7.5 12M10 6.5h6.5M10 13.5h6.5" />
    </svg>
  );
}

export function ShieldIcon({ className = 'size-4' }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" className={className} aria-hidden="true" {...base}>
      <path d="M10 2.5 4 5v4.5c0 3.8 2.6 6.6 6 8 3.4-1.4 6-4.2 6-8V5z" />
      <path d="m7.5 10 1.8 1.8L12.8 8" />
    </svg>
  );
}

export function CompassIcon({ className = 'size-4' }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" className={className} aria-hidden="true" {...base}>
      <circle cx="10" cy="10" r="7" />
      <path d="m12.8 7.2-1.6 4-4 1.6 1.6-4z" />
    </svg>
  );
}

export function AlertIcon({ className = 'size-4' }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" className={className} aria-hidden="true" {...base}>
      <path d="M10 3 2.5 16h15z" />
      <path d="M10 8v3.5M10 13.8v.2" />
    </svg>
  );
}

export function ChevronDownIcon({ className = 'size-3.5' }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" className={className} aria-hidden="true" {...base}>
      <path d="m6 8 4 4 4-4" />
    </svg>
  );
}

/** The product mark: a shield cut by a triage line. */
export function LogoMark({ className = 'size-5' }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" className={className} aria-hidden="true">
      <path d="M10 1.5 3 4.3v5.2c0 4.3 3 7.5 7 9 4-1.5 7-4.7 7-9V4.3z" fill="currentColor" />
      <path d="M6 10.2h2.4l1.2-2.6 1.6 5 1.2-2.4H14" fill="none" stroke="white" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
