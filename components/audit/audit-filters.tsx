import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

/** A plain GET form: the filters live in the URL, so a filtered view can be shared. */
export function AuditFilters(props: {
  actors: Array<{ value: string; label: string }>;
  actions: string[];
  actor?: string;
  action?: string;
}) {
  return (
    <form method="get" action="/settings/audit" className="flex flex-wrap items-end gap-3">
      <Select
        label="Actor"
        name="actor"
        defaultValue={props.actor ?? ""}
        options={[{ value: "", label: "Anyone" }, ...props.actors]}
      />
      <Select
        label="Action"
        name="action"
        defaultValue={props.action ?? ""}
        options={[{ value: "", label: "Any action" }, ...props.actions.map((a) => ({ value: a, label: a }))]}
      />
      <button type="submit" className={buttonClasses({ variant: "secondary" })}>
        Filter
      </button>
      {props.actor || props.action ? (
        <Link href="/settings/audit" className="text-sm text-slate-600 underline">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
