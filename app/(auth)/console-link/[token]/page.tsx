import type { Metadata } from "next";
import { ConsoleLinkForm } from "@/components/auth/console-link-form";
import { redeemConsoleLinkAction } from "./actions";

export const metadata: Metadata = { title: "Sign in with a link", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

// The link is used by the button, not by opening the page: a chat app's link preview fetching the
// URL must not spend the one use.
export default async function ConsoleLinkPage({ params }: Props) {
  const { token } = await params;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <p className="text-sm font-medium text-brand-700">NovaVMS Webhooks</p>
      <h1 className="mt-1 text-2xl font-semibold">Open your webhook console</h1>
      <p className="mt-1 text-sm text-slate-600">This link signs you in once and expires shortly.</p>
      <ConsoleLinkForm action={redeemConsoleLinkAction} token={token} />
    </div>
  );
}
