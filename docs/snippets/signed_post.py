# Python 3, standard library only: python3 signed_post.py   (env LIVEMOD_URL, LIVEMOD_PLATFORM, LIVEMOD_SECRET)
import datetime, hashlib, hmac, json, os, sys, time, urllib.error, urllib.request


def sign(secret: str, ts: int, method: str, path_with_query: str, body: bytes) -> str:
    prefix = f"{ts}.{method}.{path_with_query}.".encode()
    return "v2=" + hmac.new(secret.encode(), prefix + body, hashlib.sha256).hexdigest()


url, platform, secret = os.environ["LIVEMOD_URL"], os.environ["LIVEMOD_PLATFORM"], os.environ["LIVEMOD_SECRET"]
path = "/v1/ingest/comments"
now = datetime.datetime.now(datetime.timezone.utc).isoformat()
comment = {"id": f"py-{time.time_ns()}", "streamId": "live-1", "userId": "u-1", "text": "xin chào", "ts": now}
body = json.dumps([comment], ensure_ascii=False).encode()  # sign exactly the bytes you send
ts = int(time.time())  # sign every attempt afresh
request = urllib.request.Request(url + path, data=body, method="POST", headers={
    "Content-Type": "application/json",
    "X-Livemod-Platform": platform,
    "X-Livemod-Timestamp": str(ts),
    "X-Livemod-Signature": sign(secret, ts, "POST", path, body),
})
try:
    with urllib.request.urlopen(request) as response:
        print(response.status, response.read().decode())
        sys.exit(0 if response.status == 202 else 1)
except urllib.error.HTTPError as e:  # 4xx/5xx: {"error","message","field"?}, see "Error codes"
    print(e.code, e.read().decode())
    sys.exit(1)
