import type { ReactNode } from 'react';

type Props = {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
};

/** The designed "nothing here yet" panel: says what is missing and what will fill it. */
export function EmptyState({ icon, title, children, action }: Props) {
  return (
    <div className="panel flex flex-col items-center px-6 py-14 text-center">
      {icon ? <div className="mb-3 flex size-9 items-center justify-center rounded-lg border border-zinc-200 bg-zinc-50 text-zinc-500">{icon}</div> : null}
      <h2 className="text-md font-semibold text-zinc-900">{title}</h2>
      {children ? <div className="mt-1.5 max-w-md text-zinc-600">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
