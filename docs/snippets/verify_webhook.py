# Standard Webhooks verification, Python 3 standard library only.
# python3 verify_webhook.py < body   (env WEBHOOK_SECRET=whsec_..., WEBHOOK_ID, WEBHOOK_TIMESTAMP, WEBHOOK_SIGNATURE)
import base64, hashlib, hmac, os, sys, time


def verify(secret: str, msg_id: str, timestamp: str, signatures: str, body: bytes, tolerance: int = 300) -> bool:
    if abs(time.time() - int(timestamp)) > tolerance:
        return False  # too old or too new: a replayed delivery
    key = base64.b64decode(secret.removeprefix("whsec_"))
    expected = "v1," + base64.b64encode(hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, s) for s in signatures.split(" "))


ok = verify(os.environ["WEBHOOK_SECRET"], os.environ["WEBHOOK_ID"], os.environ["WEBHOOK_TIMESTAMP"],
            os.environ["WEBHOOK_SIGNATURE"], sys.stdin.buffer.read())
print("verified" if ok else "refused")
sys.exit(0 if ok else 1)
