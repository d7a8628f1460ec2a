package org.cosmicstock.orders.adapters.web;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Random request material for the fuzz tests, seeded so that a failure can be replayed: strings
 * drawn from the characters that break parsers, logs, databases and screens, numbers of every size,
 * and JSON values of the wrong type.
 */
final class EvilInput {

    private static final int[] CODE_POINTS = {
        'A', 'z', '0', '9', '-', '_', '.', '/', '\\', '"', '\'', '{', '}', '[', ']', ':', ',', '%', ';', '?', '#', 0x00,
        0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0x9B, 0xA0, 0xAD, 0xE9, 0x0301, 0x05D0, 0x0627, 0x200B, 0x200D,
        0x200E, 0x202E, 0x2066, 0x2028, 0x2029, 0x3000, 0xFEFF, 0xFFFD, 0xFFFF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x1F691,
        0x10FFFF, 0x6905
    };

    private final Random random;

    EvilInput(long seed) {
        this.random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A string of 0 to {@code maxLength} characters, most of them ordinary, some not. */
    String text(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (random.nextInt(4) == 0) {
                int c = CODE_POINTS[random.nextInt(CODE_POINTS.length)];
                // Lone surrogates are appended as single chars, the way a broken client would send them.
                if (c >= 0xD800 && c <= 0xDFFF) {
                    text.append((char) c);
                } else {
                    text.appendCodePoint(c);
                }
            } else {
                text.append((char) ('A' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    /** A JSON string literal holding {@code value}, escaped as JSON requires, non-ASCII sometimes as \\u escapes. */
    String jsonString(String value) {
        StringBuilder json = new StringBuilder("\"");
        boolean escapeAll = random.nextBoolean();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || (escapeAll && c > 0x7E) || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** Any JSON value, of any type, often not the one expected. */
    String jsonValue() {
        return switch (random.nextInt(12)) {
            case 0 -> "null";
            case 1 -> "true";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> Integer.toString(random.nextInt(2_000_000) - 500_000);
            case 4 -> "1" + "0".repeat(random.nextInt(80));
            case 5 -> random.nextDouble() * 1e6 + "";
            case 6 -> "-0";
            case 7 -> "1e" + random.nextInt(500);
            case 8 -> "{}";
            case 9 -> "[" + jsonString(text(8)) + "]";
            default -> jsonString(text(random.nextInt(4) == 0 ? 300 : 20));
        };
    }

    /** A plausible order, each part sometimes replaced by something else. */
    String order() {
        StringBuilder json = new StringBuilder("{");
        if (random.nextBoolean()) {
            json.append("\"orderId\":")
                    .append(maybe(jsonString("fuzz-" + text(12))))
                    .append(',');
        }
        json.append("\"lines\":");
        if (random.nextInt(10) == 0) {
            json.append(jsonValue());
        } else {
            json.append('[');
            int lines = random.nextInt(8) == 0 ? 95 + random.nextInt(10) : 1 + random.nextInt(4);
            for (int i = 0; i < lines; i++) {
                json.append(i == 0 ? "" : ",")
                        .append("{\"sku\":")
                        .append(maybe(jsonString(text(10) + i)))
                        .append(",\"qty\":")
                        .append(maybe(Integer.toString(1 + random.nextInt(1_000_000))))
                        .append('}');
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    /** The bytes of a body, sometimes damaged: a byte changed, a cut, a piece repeated. */
    byte[] damaged(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(6)) {
            case 0 -> {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                yield bytes;
            }
            case 1 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> (json.substring(0, json.length() / 2) + json).getBytes(StandardCharsets.UTF_8);
            default -> bytes;
        };
    }

    private String maybe(String expected) {
        return random.nextInt(5) == 0 ? jsonValue() : expected;
    }
}
