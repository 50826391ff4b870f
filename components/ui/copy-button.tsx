"use client";

import { useEffect, useState } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "./button";

export type CopyButtonProps = {
  /** The exact text put on the clipboard. */
  text: string;
  /** Visible label; default "Copy". */
  label?: string;
  /** Accessible name when the visible label is not specific enough, e.g. "Copy request_id". */
  ariaLabel?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
};

/** Copies `text` and announces "Copied" to screen readers through an aria-live region. */
export function CopyButton({ text, label = "Copy", ariaLabel, variant = "secondary", size = "sm" }: CopyButtonProps) {
  const [status, setStatus] = useState<"" | "Copied" | "Copy failed: select the text and copy it">("");

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(""), 2000);
    return () => clearTimeout(timer);
  }, [status]);

  async function copy() {
    setStatus((await writeClipboard(text)) ? "Copied" : "Copy failed: select the text and copy it");
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant={variant} size={size} onClick={copy} aria-label={ariaLabel}>
        {status === "Copied" ? "Copied" : label}
      </Button>
      <span aria-live="polite" className="sr-only">
        {status}
      </span>
    </span>
  );
}

// The Clipboard API exists only in secure contexts (https or localhost); a console reached over
// plain http on a LAN address falls back to the older selection-based copy.
async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the fallback
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
