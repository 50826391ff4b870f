import type { ReactNode } from "react";

export type EmptyStateProps = {
  title: string;
  /** One or two sentences: why it is empty and what to do. */
  children?: ReactNode;
  /** The call to action, e.g. a "Create webhook" link. */
  action?: ReactNode;
};

/** What a list shows when it has nothing in it. */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="text-base font-medium text-slate-900">{title}</p>
      {children ? <div className="mx-auto mt-2 max-w-md text-sm text-slate-600">{children}</div> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}
