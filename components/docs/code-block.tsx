import { CopyButton } from "@/components/ui/copy-button";

export type CodeBlockProps = {
  code: string;
  /** Shown above the code and used in the copy button's name, e.g. "Node.js". */
  title: string;
};

/** A titled, scrollable code sample with a Copy button. */
export function CodeBlock({ code, title }: CodeBlockProps) {
  return (
    <figure className="my-4 overflow-hidden rounded-lg border border-slate-200 bg-slate-50">
      <figcaption className="flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-100 px-3 py-1.5 text-xs font-medium text-slate-700">
        <span>{title}</span>
        <CopyButton text={code} ariaLabel={`Copy ${title} code`} />
      </figcaption>
      {/* Focusable so keyboard users can scroll long lines sideways. */}
      <pre
        tabIndex={0}
        aria-label={`${title} code`}
        className="overflow-x-auto p-4 text-[13px] leading-relaxed text-slate-900"
      >
        <code>{code}</code>
      </pre>
    </figure>
  );
}
