// Standard Webhooks verification, Node.js 18+, no packages.
// node verify-webhook.mjs < body   (env WEBHOOK_SECRET=whsec_..., WEBHOOK_ID, WEBHOOK_TIMESTAMP, WEBHOOK_SIGNATURE)
import { createHmac, timingSafeEqual } from "node:crypto";

function verify(secret, msgId, timestamp, signatures, body, toleranceSeconds = 300) {
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) return false; // a replayed delivery
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = Buffer.from("v1," + createHmac("sha256", key).update(`${msgId}.${timestamp}.`).update(body).digest("base64"));
  return signatures.split(" ").some((s) => s.length === expected.length && timingSafeEqual(Buffer.from(s), expected));
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { WEBHOOK_SECRET, WEBHOOK_ID, WEBHOOK_TIMESTAMP, WEBHOOK_SIGNATURE } = process.env;
const ok = verify(WEBHOOK_SECRET, WEBHOOK_ID, WEBHOOK_TIMESTAMP, WEBHOOK_SIGNATURE, Buffer.concat(chunks));
console.log(ok ? "verified" : "refused");
process.exit(ok ? 0 : 1);
