// Checks MCAP files with the reference TypeScript library (@mcap/core): the stream reader parses
// every record; the indexed reader checks the footer, summary and summary CRC; the data section
// CRC is recomputed with the same CRC library the reference writer uses.
const fs = require("fs");
const { McapStreamReader, McapIndexedReader } = require("@mcap/core");
const { crc32 } = require("@foxglove/crc");

async function check(path) {
  const bytes = fs.readFileSync(path);
  const stream = new McapStreamReader({ validateCrcs: true });
  stream.append(bytes);
  const counts = {};
  const channels = {};
  let record, dataEnd, dataEndOffset = 0, offset = 0;
  while ((record = stream.nextRecord())) {
    if (record.type === "Channel") channels[record.id] = record.topic;
    if (record.type === "Message") counts[channels[record.channelId]] = (counts[channels[record.channelId]] ?? 0) + 1;
    if (record.type === "DataEnd") dataEnd = record;
  }
  if (!stream.done()) throw new Error("stream reader did not reach the end");
  // Find the Data End record's offset from the footer's summary start (Data End is just before it).
  const footerStart = bytes.length - 8 - 29;
  const summaryStart = Number(bytes.readBigUInt64LE(footerStart + 9));
  const dataCrc = crc32(bytes.subarray(0, summaryStart - 13));
  if (dataEnd.dataSectionCrc !== dataCrc) throw new Error(`data section CRC ${dataEnd.dataSectionCrc} != ${dataCrc}`);
  const readable = { size: async () => BigInt(bytes.length), read: async (o, l) => bytes.subarray(Number(o), Number(o + l)) };
  const indexed = await McapIndexedReader.Initialize({ readable });
  console.log(JSON.stringify({
    file: path.split("/").pop(),
    messages: counts,
    statistics: { messageCount: Number(indexed.statistics.messageCount), channelCount: indexed.statistics.channelCount },
    schemas: [...indexed.schemasById.values()].map((s) => s.name),
    channels: [...indexed.channelsById.values()].map((c) => `${c.topic} ${JSON.stringify(Object.fromEntries(c.metadata))}`),
    library: indexed.header.library,
    dataSectionCrc: dataCrc,
  }));
}

(async () => {
  for (const path of process.argv.slice(2)) await check(path);
  console.log("all valid");
})().catch((e) => { console.error("INVALID:", e.message); process.exit(1); });
