// Node.js 18+, no packages: node signed-post.mjs   (env LIVEMOD_URL, LIVEMOD_PLATFORM, LIVEMOD_SECRET)
import { createHmac } from "node:crypto";

function sign(secret, ts, method, pathWithQuery, body) {
  return "v2=" + createHmac("sha256", secret).update(`${ts}.${method}.${pathWithQuery}.`).update(body).digest("hex");
}

const { LIVEMOD_URL: url, LIVEMOD_PLATFORM: platform, LIVEMOD_SECRET: secret } = process.env;
const path = "/v1/ingest/comments";
const comment = { id: `node-${process.hrtime.bigint()}`, streamId: "live-1", userId: "u-1", text: "xin chào", ts: new Date().toISOString() };
const body = Buffer.from(JSON.stringify([comment]), "utf8"); // sign exactly the bytes you send
const ts = Math.floor(Date.now() / 1000); // sign every attempt afresh
const response = await fetch(url + path, {
  method: "POST",
  headers: {
    "Content-Type": "application/json",
    "X-Livemod-Platform": platform,
    "X-Livemod-Timestamp": String(ts),
    "X-Livemod-Signature": sign(secret, ts, "POST", path, body),
  },
  body,
});
console.log(response.status, await response.text());
process.exit(response.status === 202 ? 0 : 1);
