import { describe, expect, it } from "vitest";
import { ContentPolicy, blobPart, filePart, mediaPartFromUrl, modalityOf, reasoningPart, uriPart } from "../src/index";

describe("message parts (semconv 1.38+ blob, uri, file, reasoning)", () => {
  const png = Buffer.from("0123456789").toString("base64"); // 10 bytes

  it("keeps blob bytes only under the cap, else records the size", () => {
    expect(blobPart(png, { mimeType: "image/png" }, 0)).toEqual({ type: "blob", modality: "image", mime_type: "image/png", size: 10 });
    expect(blobPart(png, { mimeType: "image/png" }, 9)).toEqual({ type: "blob", modality: "image", mime_type: "image/png", size: 10 });
    expect(blobPart(png, { mimeType: "audio/wav" }, 10)).toEqual({ type: "blob", modality: "audio", mime_type: "audio/wav", content: png });
  });

  it("turns data: URLs into blobs and other URLs into references", () => {
    expect(mediaPartFromUrl(`data:image/jpeg;base64,${png}`, {}, 0)).toEqual({ type: "blob", modality: "image", mime_type: "image/jpeg", size: 10 });
    expect(mediaPartFromUrl(`data:image/jpeg;base64,${png}`, {}, 100)).toMatchObject({ type: "blob", content: png });
    expect(mediaPartFromUrl("data:text/plain,hello", {}, 100)).toEqual({ type: "blob", modality: "image", mime_type: "text/plain", size: 5 });
    expect(mediaPartFromUrl("https://example.com/cat.png", {}, 100)).toEqual({ type: "uri", modality: "image", uri: "https://example.com/cat.png" });
  });

  it("builds file and reasoning parts, and derives modality from the media type", () => {
    expect(filePart("file-abc", { mimeType: "application/pdf", modality: "document" })).toEqual({ type: "file", modality: "document", mime_type: "application/pdf", file_id: "file-abc" });
    expect(uriPart("gs://b/v.mp4", { mimeType: "video/mp4" })).toEqual({ type: "uri", modality: "video", mime_type: "video/mp4", uri: "gs://b/v.mp4" });
    expect(reasoningPart("thinking")).toEqual({ type: "reasoning", content: "thinking" });
    expect(modalityOf(undefined, "audio")).toBe("audio");
  });

  it("resolves the blob cap once on the content policy (default 0, bad values 0)", () => {
    expect(new ContentPolicy({}).maxBlobBytes).toBe(0);
    expect(new ContentPolicy({ maxBlobBytes: 4096.7 }).maxBlobBytes).toBe(4096);
    expect(new ContentPolicy({ maxBlobBytes: -1 }).maxBlobBytes).toBe(0);
    expect(new ContentPolicy({ maxBlobBytes: Number.NaN }).maxBlobBytes).toBe(0);
  });
});
