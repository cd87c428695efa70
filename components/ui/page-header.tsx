import type { ReactNode } from 'react';

type Props = { title: string; description?: ReactNode; actions?: ReactNode; meta?: ReactNode };

export function PageHeader({ title, description, actions, meta }: Props) {
  return (
    <div className="mb-4 flex items-start justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-lg font-semibold tracking-tight text-zinc-900">{title}</h1>
        {description ? <p className="mt-0.5 text-zinc-600">{description}</p> : null}
        {meta ? <div className="mt-2">{meta}</div> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}
