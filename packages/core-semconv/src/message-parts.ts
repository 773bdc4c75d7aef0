/**
 * Multimodal and reasoning message parts, as the GenAI input/output message JSON schemas define them
 * (semantic conventions 1.38+: `blob`, `uri`, `file`, `reasoning`), and builders that adapters call
 * inside their content thunks (so nothing here runs when content capture is off).
 *
 * Blob bytes are the only large, possibly sensitive payload in a message: {@link blobPart} keeps them
 * only up to a size cap ({@link ContentOptions.maxBlobBytes}, default 0 = never), else records the
 * part without `content`, with its size.
 *
 * @see https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-input-messages.json
 */

/** General kind of attached data (`image`, `video`, `audio`; other values allowed by the schema). */
export type Modality = "image" | "video" | "audio" | (string & {});

/** Data sent inline (base64). `content` is absent when the size cap left the bytes out; `size` then says how many there were. */
export interface BlobPart {
  type: "blob";
  modality: Modality;
  mime_type?: string;
  /** Base64 of the bytes, only when capture is on and they fit the cap. */
  content?: string;
  /** Size of the bytes, in bytes, when `content` was left out. */
  size?: number;
}

/** Data referenced by URI (an `https:` image URL, a `gs://` object). Never a `data:` URL: that is a {@link BlobPart}. */
export interface UriPart {
  type: "uri";
  modality: Modality;
  mime_type?: string;
  uri: string;
}

/** Data referenced by a provider-side file id (an uploaded file). */
export interface FilePart {
  type: "file";
  modality: Modality;
  mime_type?: string;
  file_id: string;
}

/** The model's reasoning (thinking) text. */
export interface ReasoningPart {
  type: "reasoning";
  content: string;
}

/** Options shared by the media part builders. */
export interface MediaOptions {
  /** IANA media type, e.g. `image/png`. */
  mimeType?: string;
  /** Kind of data; defaults to the media type's top-level type when it is image/video/audio, else `image`. */
  modality?: Modality;
}

/** The modality of a media type (`image/png` → `image`), or `fallback` when it names none. */
export function modalityOf(mimeType: string | undefined, fallback: Modality = "image"): Modality {
  const top = mimeType?.split("/", 1)[0]?.toLowerCase();
  return top === "image" || top === "video" || top === "audio" ? top : fallback;
}

/** Bytes in a base64 string (without decoding it). */
export function base64ByteLength(base64: string): number {
  let len = base64.length;
  while (len > 0 && base64.charCodeAt(len - 1) === 61 /* = */) len--;
  return Math.floor((len * 3) / 4);
}

/**
 * A `blob` part for inline data.
 *
 * @param base64 - the bytes, base64-encoded (as providers carry them)
 * @param maxBytes - largest blob kept, in bytes (0 = never keep bytes); larger blobs keep only their size
 */
export function blobPart(base64: string, options: MediaOptions, maxBytes: number): BlobPart {
  const part: BlobPart = { type: "blob", modality: options.modality ?? modalityOf(options.mimeType) };
  if (options.mimeType) part.mime_type = options.mimeType;
  const size = base64ByteLength(base64);
  if (maxBytes > 0 && size <= maxBytes) part.content = base64;
  else part.size = size;
  return part;
}

/** A `uri` part (data by reference). */
export function uriPart(uri: string, options: MediaOptions = {}): UriPart {
  const part: UriPart = { type: "uri", modality: options.modality ?? modalityOf(options.mimeType), uri };
  if (options.mimeType) part.mime_type = options.mimeType;
  return part;
}

/** A `file` part (data by provider file id). */
export function filePart(fileId: string, options: MediaOptions = {}): FilePart {
  const part: FilePart = { type: "file", modality: options.modality ?? modalityOf(options.mimeType), file_id: fileId };
  if (options.mimeType) part.mime_type = options.mimeType;
  return part;
}

/** A `reasoning` part. */
export function reasoningPart(content: string): ReasoningPart {
  return { type: "reasoning", content };
}

const DATA_URL = /^data:([^;,]*)(;[^,]*)?,/i;

/**
 * A part for media given as a URL: a `data:` URL becomes a {@link BlobPart} (bytes kept only under
 * the cap), any other URL a {@link UriPart} (the reference only).
 *
 * @param maxBytes - see {@link blobPart}
 */
export function mediaPartFromUrl(url: string, options: MediaOptions, maxBytes: number): BlobPart | UriPart {
  const m = DATA_URL.exec(url);
  if (!m) return uriPart(url, options);
  const mimeType = options.mimeType ?? (m[1] || undefined);
  const payload = url.slice(m[0].length);
  const isBase64 = (m[2] ?? "").toLowerCase().includes(";base64");
  // Non-base64 data URLs are percent-encoded text: their size is the decoded length, roughly.
  const base64 = isBase64 ? payload : undefined;
  if (base64 !== undefined) return blobPart(base64, { ...options, mimeType }, maxBytes);
  const part: BlobPart = { type: "blob", modality: options.modality ?? modalityOf(mimeType), size: payload.length };
  if (mimeType) part.mime_type = mimeType;
  return part;
}
