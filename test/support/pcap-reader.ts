/**
 * A small pcap (libpcap classic format) reader for tests: TCP payload bytes per connection.
 * Handles both byte orders, µs and ns timestamps, and the link types Linux loopback captures
 * produce: Ethernet (`-i lo`), Linux cooked SLL and SLL2 (`-i any`), and BSD null.
 */
import { readFileSync } from 'node:fs';

/** One TCP segment (or UDP datagram) and its payload length. */
interface Segment {
  protocol: 'tcp' | 'udp';
  srcPort: number;
  dstPort: number;
  seq: number;
  payloadLength: number;
}

/** Payload bytes of one connection, keyed by the client's port. */
export interface CapturedConnection {
  clientPort: number;
  /** Payload bytes sent to the server port. */
  toServer: number;
  /** Payload bytes sent from the server port. */
  fromServer: number;
}

const LINKTYPE_NULL = 0;
const LINKTYPE_ETHERNET = 1;
const LINKTYPE_LINUX_SLL = 113;
const LINKTYPE_LINUX_SLL2 = 276;

/**
 * Sums TCP payload per connection to/from `serverPort`. A segment seen twice (same direction,
 * sequence number and length: a retransmission) is counted once.
 */
export function payloadByConnection(pcapFile: string, serverPort: number): Map<number, CapturedConnection> {
  const connections = new Map<number, CapturedConnection>();
  const seen = new Set<string>();
  for (const seg of readSegments(readFileSync(pcapFile))) {
    if (seg.protocol !== 'tcp' || seg.payloadLength === 0) continue;
    const toServer = seg.dstPort === serverPort;
    if (!toServer && seg.srcPort !== serverPort) continue;
    const clientPort = toServer ? seg.srcPort : seg.dstPort;
    const key = `${clientPort}:${toServer}:${seg.seq}:${seg.payloadLength}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const conn = connections.get(clientPort) ?? { clientPort, toServer: 0, fromServer: 0 };
    if (toServer) conn.toServer += seg.payloadLength;
    else conn.fromServer += seg.payloadLength;
    connections.set(clientPort, conn);
  }
  return connections;
}

/** True when the capture holds a UDP datagram to `port` (tests use one as an end-of-scenario marker). */
export function hasUdpDatagramTo(pcapFile: string, port: number): boolean {
  const data = readFileSync(pcapFile);
  if (data.length < 24) return false;
  return readSegments(data).some((s) => s.protocol === 'udp' && s.dstPort === port);
}

/** Every TCP segment and UDP datagram in a pcap buffer (IPv4 and IPv6 without extension headers). */
export function readSegments(data: Buffer): Segment[] {
  const magic = data.readUInt32LE(0);
  const littleEndian = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  if (!littleEndian && data.readUInt32BE(0) !== 0xa1b2c3d4 && data.readUInt32BE(0) !== 0xa1b23c4d) {
    throw new Error(`not a classic pcap file (magic ${magic.toString(16)})`);
  }
  const u32 = (at: number) => (littleEndian ? data.readUInt32LE(at) : data.readUInt32BE(at));
  const linkType = u32(20) & 0xffff;
  const segments: Segment[] = [];
  // Global header is 24 bytes; each record: ts_sec, ts_frac, incl_len, orig_len (16 bytes).
  for (let at = 24; at + 16 <= data.length; ) {
    const capturedLength = u32(at + 8);
    const packet = data.subarray(at + 16, at + 16 + capturedLength);
    at += 16 + capturedLength;
    const network = networkLayer(packet, linkType);
    if (network) {
      const seg = transportSegment(network.bytes, network.etherType);
      if (seg) segments.push(seg);
    }
  }
  return segments;
}

/** Strips the link-layer header; returns the network packet and its EtherType. */
function networkLayer(packet: Buffer, linkType: number): { bytes: Buffer; etherType: number } | undefined {
  switch (linkType) {
    case LINKTYPE_ETHERNET:
      return { bytes: packet.subarray(14), etherType: packet.readUInt16BE(12) };
    case LINKTYPE_LINUX_SLL:
      return { bytes: packet.subarray(16), etherType: packet.readUInt16BE(14) };
    case LINKTYPE_LINUX_SLL2:
      return { bytes: packet.subarray(20), etherType: packet.readUInt16BE(0) };
    case LINKTYPE_NULL: {
      // The family is in host byte order: 2 is IPv4; 10, 24, 28 or 30 are IPv6 depending on the OS.
      const family = packet.readUInt32LE(0) === 2 || packet.readUInt32BE(0) === 2 ? 0x0800 : 0x86dd;
      return { bytes: packet.subarray(4), etherType: family };
    }
    default:
      throw new Error(`unsupported pcap link type ${linkType}`);
  }
}

/** Parses the IP and TCP/UDP headers; payload length comes from the IP length fields, not the capture. */
function transportSegment(ip: Buffer, etherType: number): Segment | undefined {
  let tcpStart: number; // where the TCP or UDP header starts
  let ipPayloadLength: number;
  let protocolNumber: number;
  if (etherType === 0x0800) {
    protocolNumber = ip[9];
    const ipHeaderLength = (ip[0] & 0x0f) * 4;
    ipPayloadLength = ip.readUInt16BE(2) - ipHeaderLength;
    tcpStart = ipHeaderLength;
  } else if (etherType === 0x86dd) {
    protocolNumber = ip[6];
    ipPayloadLength = ip.readUInt16BE(4);
    tcpStart = 40;
  } else {
    return undefined;
  }
  if (protocolNumber === 17) {
    return { protocol: 'udp', srcPort: ip.readUInt16BE(tcpStart), dstPort: ip.readUInt16BE(tcpStart + 2), seq: 0, payloadLength: ipPayloadLength - 8 };
  }
  if (protocolNumber !== 6) return undefined;
  const tcpHeaderLength = (ip[tcpStart + 12] >> 4) * 4;
  return {
    protocol: 'tcp',
    srcPort: ip.readUInt16BE(tcpStart),
    dstPort: ip.readUInt16BE(tcpStart + 2),
    seq: ip.readUInt32BE(tcpStart + 4),
    payloadLength: ipPayloadLength - tcpHeaderLength,
  };
}
