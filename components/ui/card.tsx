import type { ReactNode } from "react";

export type CardProps = {
  /** Rendered as an h2 and used as the section's accessible name. */
  title?: string;
  description?: ReactNode;
  /** Buttons or links on the right of the title. */
  actions?: ReactNode;
  children: ReactNode;
  /** id of the section, e.g. for in-page links. */
  id?: string;
};

/** A white panel with an optional title row. */
export function Card({ title, description, actions, children, id }: CardProps) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section id={id} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      {title ? (
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-3 sm:px-5">
          <div className="min-w-0">
            <h2 id={headingId} className="text-base font-semibold">
              {title}
            </h2>
            {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
          </div>
          {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
        </div>
      ) : null}
      <div className="px-4 py-4 sm:px-5">{children}</div>
    </section>
  );
}
