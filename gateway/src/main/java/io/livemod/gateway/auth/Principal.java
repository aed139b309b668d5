package io.livemod.gateway.auth;

/** Who is calling, from a verified JWT: {@code platform} is set for moderators only. */
public record Principal(String sub, Role role, String platform) {

    public enum Role {
        MODERATOR,
        OFFICER,
        ADMIN;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Role fromWire(String s) {
            return s == null
                    ? null
                    : switch (s) {
                        case "moderator" -> MODERATOR;
                        case "officer" -> OFFICER;
                        case "admin" -> ADMIN;
                        default -> null;
                    };
        }
    }
}
