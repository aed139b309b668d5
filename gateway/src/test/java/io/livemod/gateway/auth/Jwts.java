package io.livemod.gateway.auth;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hand-made JWTs, so tests can forge exactly the bad token they mean (expired, alg none, wrong key...). */
public final class Jwts {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {}

    public static String hs256(String key, JsonObject claims) {
        String input = part(new JsonObject().put("alg", "HS256").put("typ", "JWT")) + "." + part(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String none(JsonObject claims) {
        return part(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + part(claims) + ".";
    }

    public static String rs256(PrivateKey key, String kid, JsonObject claims) {
        String input =
                part(new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", kid)) + "." + part(claims);
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject jwk(RSAPublicKey key, String kid) {
        return new JsonObject()
                .put("kty", "RSA")
                .put("kid", kid)
                .put("alg", "RS256")
                .put("use", "sig")
                .put("n", B64.encodeToString(unsigned(key.getModulus())))
                .put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
    }

    /** Claims valid for the default issuer and audience, expiring in 10 minutes. */
    public static JsonObject claims(String role, String platform, long nowSeconds) {
        JsonObject c = new JsonObject()
                .put("sub", "tester")
                .put("role", role)
                .put("iss", "livemod")
                .put("aud", "livemod")
                .put("iat", nowSeconds)
                .put("exp", nowSeconds + 600);
        if (platform != null) c.put("platform", platform);
        return c;
    }

    private static String part(JsonObject o) {
        return B64.encodeToString(o.encode().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] unsigned(BigInteger i) {
        byte[] b = i.toByteArray();
        return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
