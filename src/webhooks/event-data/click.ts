import type { WebhookLink } from "./link.js";

/** A click on a short link, as Dub records it. */
export interface WebhookClick {
  /** The unique ID of the click. */
  id: string;
  /** When the click happened (ISO 8601). */
  timestamp: string;
  /** The URL the visitor was sent to. */
  url: string;
  /** The visitor's country (ISO 3166-1 alpha-2). */
  country: string;
  /** The visitor's city. */
  city: string;
  /** The visitor's region. */
  region: string;
  /** The visitor's continent code (`NA`, `EU`, ...). */
  continent: string;
  /** The visitor's device type (`Desktop`, `Mobile`, ...). */
  device: string;
  /** The visitor's browser. */
  browser: string;
  /** The visitor's operating system. */
  os: string;
  /** The visitor's user agent. */
  ua?: string | null;
  /** What triggered the click (`link`, `qr`, ...), kept for backwards compatibility. */
  trigger?: string | null;
  /** The referring domain, or `(direct)`. */
  referer: string;
  /** The referring URL, or `(direct)`. */
  refererUrl: string;
  /** Whether the click came from a QR code scan. */
  qr: boolean;
  /** The visitor's IP address. */
  ip: string;
}

/** The data of `link.clicked`. */
export interface WebhookLinkClickedData {
  /** The click. */
  click: WebhookClick;
  /** The link that was clicked. */
  link: WebhookLink;
}
