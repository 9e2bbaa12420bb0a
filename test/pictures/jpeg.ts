/** Picture files built byte by byte for tests: a real 1×1 JPEG, with IPTC and XMP segments when asked. */
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64'
);

function segment(marker: number, payload: Buffer): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, marker]), length, payload]);
}

function iptcRecord(dataset: number, value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  const head = Buffer.from([0x1c, 0x02, dataset, 0, 0]);
  head.writeUInt16BE(bytes.length, 3);
  return Buffer.concat([head, bytes]);
}

export interface JpegMetadata {
  readonly iptc?: { caption?: string; credit?: string; byline?: string; copyright?: string };
  readonly xmp?: { description?: string; credit?: string; usageTerms?: string; altText?: string };
}

export function jpeg(metadata: JpegMetadata = {}): Buffer {
  const parts: Buffer[] = [TINY_JPEG.subarray(0, 2)];
  if (metadata.xmp) {
    const x = metadata.xmp;
    const packet = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">
${x.description ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${x.description}</rdf:li></rdf:Alt></dc:description>` : ''}
${x.credit ? `<photoshop:Credit>${x.credit}</photoshop:Credit>` : ''}
${x.usageTerms ? `<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang="x-default">${x.usageTerms}</rdf:li></rdf:Alt></xmpRights:UsageTerms>` : ''}
${x.altText ? `<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">${x.altText}</rdf:li></rdf:Alt></Iptc4xmpCore:AltTextAccessibility>` : ''}
</rdf:Description></rdf:RDF></x:xmpmeta>`;
    parts.push(segment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(packet, 'utf8')])));
  }
  if (metadata.iptc) {
    const i = metadata.iptc;
    const records = Buffer.concat([
      ...(i.byline ? [iptcRecord(80, i.byline)] : []),
      ...(i.credit ? [iptcRecord(110, i.credit)] : []),
      ...(i.copyright ? [iptcRecord(116, i.copyright)] : []),
      ...(i.caption ? [iptcRecord(120, i.caption)] : []),
    ]);
    const size = Buffer.alloc(4);
    size.writeUInt32BE(records.length);
    const block = Buffer.concat([Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0, 0]), size, records, records.length % 2 ? Buffer.from([0]) : Buffer.alloc(0)]);
    parts.push(segment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), block])));
  }
  parts.push(TINY_JPEG.subarray(2));
  return Buffer.concat(parts);
}
