// Reads a JSON-LD document on standard input and writes its RDF as N-Quads, resolving relative identifiers against
// the document's address (the first argument). Remote contexts are refused: the atlas's documents carry theirs inline.
import jsonld from 'jsonld';

const base = process.argv[2];
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const documentLoader = async (url) => { throw new Error(`no remote document may be loaded: ${url}`); };
const nquads = await jsonld.toRDF(doc, { base, format: 'application/n-quads', documentLoader, safe: true });
process.stdout.write(nquads);
