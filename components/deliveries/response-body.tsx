import { Badge } from "@/components/ui/badge";
import type { BodyPreview } from "@/lib/delivery-log/body-preview";
import { formatBytes } from "@/lib/failures/figures";
import { MAX_STORED_BODY_BYTES } from "@/lib/transport/limits";

const KEPT = formatBytes(MAX_STORED_BODY_BYTES);

const KIND_NOTES: Record<BodyPreview["kind"], string> = {
  empty: "",
  text: "as text",
  json: "JSON, formatted",
  binary: "binary, shown as a hex dump",
};

/**
 * The "Response body" field of the troubleshooting article: the first 1 KB the endpoint returned.
 * Whatever the receiver sent is a React text child here, so markup in it is shown, never run.
 */
export function ResponseBody({ preview, id }: { preview: BodyPreview; id: string }) {
  const labelId = `${id}-label`;
  const truncated = preview.kind !== "empty" && preview.truncated;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <span id={labelId} className="text-sm font-medium text-slate-800">
          Response body
        </span>
        {KIND_NOTES[preview.kind] ? <span className="text-xs text-slate-500">{KIND_NOTES[preview.kind]}</span> : null}
        {truncated ? <Badge tone="amber">cut at {KEPT}</Badge> : null}
      </div>
      {/* Focusable so keyboard users can scroll a long body. */}
      <pre
        id={id}
        tabIndex={0}
        aria-labelledby={labelId}
        className={`max-h-96 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-relaxed text-slate-900 ${
          preview.kind === "binary" ? "whitespace-pre" : "whitespace-pre-wrap break-words"
        }`}
      >
        {preview.kind === "empty" ? <span className="text-slate-500 italic">(empty)</span> : null}
        {preview.kind === "binary" ? preview.hex : null}
        {preview.kind === "text" || preview.kind === "json" ? preview.text : null}
      </pre>
      {truncated ? (
        <p className="text-xs text-slate-500">
          The endpoint sent more than {KEPT}; NovaVMS keeps only the first {MAX_STORED_BODY_BYTES} bytes.
        </p>
      ) : null}
    </div>
  );
}
