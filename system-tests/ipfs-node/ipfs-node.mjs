// An offline IPFS node that answers the subset of Kubo's RPC API (https://docs.ipfs.tech/reference/kubo/rpc/) that
// Bacalao uses: add, get, cat, ls, id, version. Blocks live in a folder (blockstore-fs); files and directories are
// imported and exported with the UnixFS importer/exporter that Helia uses, set to Kubo's default profile (CIDv0,
// sha2-256, 256 KiB chunks, balanced layout of 174 links, dag-pb leaves), so a CID equals the one `ipfs add` prints.
// It has no libp2p, no routers and no gateways: it opens no connection, it only listens on its API address.
//
//   node ipfs-node.mjs --repo DIR [--host 127.0.0.1] [--port 5001]     (--port 0 takes a free port)
//
// Prints Kubo's "RPC API server listening on /ip4/HOST/tcp/PORT" line, then "Daemon is ready".
import http from 'node:http'
import { once } from 'node:events'
import { pipeline } from 'node:stream/promises'
import { importer } from 'ipfs-unixfs-importer'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { balanced } from 'ipfs-unixfs-importer/layout'
import { exporter } from 'ipfs-unixfs-exporter'
import { FsBlockstore } from 'blockstore-fs'
import tar from 'tar-stream'

const VERSION = '0.1.0-bacalao-test-node'

function option (name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback
}

const repo = option('repo', null)
if (!repo) {
  console.error('usage: node ipfs-node.mjs --repo DIR [--host 127.0.0.1] [--port 5001]')
  process.exit(2)
}
const host = option('host', '127.0.0.1')
const port = Number(option('port', '5001'))
const blockstore = new FsBlockstore(repo)
await blockstore.open()

/** A failure Kubo would report as HTTP 500 {"Message","Code":0,"Type":"error"}. */
class RpcError extends Error {}

function flag (query, name, fallback) {
  const v = query.get(name)
  return v === null ? fallback : v === '' || v === 'true' || v === '1'
}

/** `CID`, `CID/path` or `/ipfs/CID/path`, as Kubo takes an `arg`. */
function argPath (query) {
  const arg = query.get('arg')
  if (!arg) throw new RpcError('argument "ipfs-path" is required')
  return arg.replace(/^\/ipfs\//, '')
}

async function resolve (path) {
  try {
    return await exporter(path, blockstore, { offline: true })
  } catch (e) {
    if (e.name === 'NotFoundError' || e.code === 'ERR_NOT_FOUND') {
      throw new RpcError(`block was not found locally (offline): ipld: could not find ${path}`)
    }
    throw new RpcError(`invalid path "${path}": ${e.message}`)
  }
}

function kind (entry) {
  return entry.type === 'directory' ? 'directory' : 'file'
}

function fileSize (entry) {
  return entry.type === 'file' ? Number(entry.unixfs.fileSize()) : entry.node.length
}

/** The entry at `path` and everything below it, parents first, each with its path. */
async function * walk (path, entry) {
  yield { path, entry }
  if (kind(entry) !== 'directory') return
  for await (const child of entry.entries()) {
    yield * walk(`${path}/${child.name}`, await exporter(child.cid, blockstore, { offline: true }))
  }
}

// --- commands ---------------------------------------------------------------------------------------------------

/**
 * Multipart upload as Kubo's clients send it: one part per file (filename = its URL-encoded path) and one
 * `application/x-directory` part per directory. Answers one NDJSON line per entry, the root last.
 */
async function add (req, res, query) {
  const cidVersion = Number(query.get('cid-version') ?? '0')
  const form = await new Request('http://local/', { method: 'POST', headers: req.headers, body: req, duplex: 'half' })
    .formData()
  const candidates = []
  for (const [, part] of form.entries()) {
    if (typeof part === 'string') continue
    const path = decodeURIComponent(part.name)
    if (part.type === 'application/x-directory') candidates.push({ path })
    else candidates.push({ path, content: new Uint8Array(await part.arrayBuffer()) })
  }
  if (candidates.length === 0) throw new RpcError('file argument was nil')
  const options = {
    profile: 'unixfs-v0-2015',
    cidVersion,
    rawLeaves: flag(query, 'raw-leaves', cidVersion === 1),
    chunker: fixedSize({ chunkSize: 262144 }),
    layout: balanced({ maxChildrenPerNode: 174 }),
    wrapWithDirectory: flag(query, 'wrap-with-directory', false)
  }
  const lines = []
  for await (const entry of importer(candidates, blockstore, options)) {
    lines.push(JSON.stringify({ Name: entry.path ?? '', Hash: entry.cid.toString(), Size: String(entry.size) }))
  }
  res.writeHead(200, { 'Content-Type': 'application/json', 'X-Chunked-Output': '1' })
  res.end(lines.join('\n') + '\n')
}

/** The file or tree as an uncompressed tar whose entries are named `<arg>` and `<arg>/<path>`, as `ipfs get` writes. */
async function get (req, res, query) {
  const path = argPath(query)
  const root = await resolve(path)
  res.writeHead(200, { 'Content-Type': 'application/x-tar', 'X-Stream-Output': '1' })
  const pack = tar.pack()
  const sent = pipeline(pack, res)
  for await (const { path: name, entry } of walk(path, root)) {
    if (kind(entry) === 'directory') {
      pack.entry({ name, type: 'directory', mode: 0o755 })
      continue
    }
    const file = pack.entry({ name, type: 'file', mode: 0o644, size: fileSize(entry) })
    for await (const chunk of entry.content()) {
      if (!file.write(chunk)) await once(file, 'drain')
    }
    file.end()
  }
  pack.finalize()
  await sent
}

async function cat (req, res, query) {
  const entry = await resolve(argPath(query))
  if (kind(entry) === 'directory') throw new RpcError('this dag node is a directory')
  res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Stream-Output': '1' })
  for await (const chunk of entry.content()) {
    if (!res.write(chunk)) await once(res, 'drain')
  }
  res.end()
}

async function ls (req, res, query) {
  const entry = await resolve(argPath(query))
  const links = []
  if (kind(entry) === 'directory') {
    for await (const link of entry.entries()) {
      const child = await exporter(link.cid, blockstore, { offline: true })
      const directory = kind(child) === 'directory'
      links.push({ Name: link.name, Hash: link.cid.toString(), Size: directory ? 0 : fileSize(child), Type: directory ? 1 : 2, Target: '' })
    }
  }
  json(res, { Objects: [{ Hash: entry.cid.toString(), Links: links }] })
}

function json (res, body) {
  res.writeHead(200, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body) + '\n')
}

const commands = {
  '/api/v0/add': add,
  '/api/v0/get': get,
  '/api/v0/cat': cat,
  '/api/v0/ls': ls,
  '/api/v0/id': (req, res) => json(res, { ID: 'offline-test-node', PublicKey: '', Addresses: [], AgentVersion: `bacalao-test-ipfs/${VERSION}`, Protocols: [] }),
  '/api/v0/version': (req, res) => json(res, { Version: VERSION, Commit: '', Repo: '', System: `${process.arch}/${process.platform}`, Golang: '' })
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://local')
  const command = commands[url.pathname]
  if (!command) {
    res.writeHead(404, { 'Content-Type': 'text/plain' })
    res.end('404 page not found')
    return
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { 'Content-Type': 'text/plain' })
    res.end(`405 - Method Not Allowed: ${req.method}`)
    return
  }
  try {
    await command(req, res, url.searchParams)
  } catch (e) {
    if (res.headersSent) {
      res.destroy(e)
      return
    }
    res.writeHead(500, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ Message: e instanceof RpcError ? e.message : String(e?.message ?? e), Code: 0, Type: 'error' }) + '\n')
  }
})

server.listen(port, host, () => {
  console.log(`RPC API server listening on /ip4/${host}/tcp/${server.address().port}`)
  console.log('Daemon is ready')
})

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => blockstore.close().finally(() => process.exit(0)))
    server.closeAllConnections()
  })
}
