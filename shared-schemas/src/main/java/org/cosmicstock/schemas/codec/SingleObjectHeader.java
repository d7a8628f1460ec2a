package org.cosmicstock.schemas.codec;

import java.util.HexFormat;

/** The 10-byte header of Avro single-object encoding: {@code C3 01} and the little-endian writer fingerprint. */
final class SingleObjectHeader {

    static final int LENGTH = 10;
    static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private SingleObjectHeader() {}

    static void write(byte[] target, long fingerprint) {
        target[0] = MARKER_0;
        target[1] = MARKER_1;
        for (int i = 0; i < 8; i++) {
            target[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
    }

    /** The writer fingerprint, after checking the bytes are single-object encoded at all. */
    static long readFingerprint(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedMessageException("Malformed message: empty message");
        }
        boolean markerSoFar = bytes[0] == MARKER_0 && (bytes.length == 1 || bytes[1] == MARKER_1);
        if (!markerSoFar) {
            // Worded as before the registry format existed: operators and tests match on this text.
            throw new MalformedMessageException(
                    "Malformed message: not Avro single-object encoding (first bytes " + firstBytes(bytes) + ")");
        }
        if (bytes.length < LENGTH) {
            throw new MalformedMessageException("Malformed message: truncated header (" + bytes.length
                    + " bytes, single-object encoding needs " + LENGTH + " before the body)");
        }
        long fingerprint = 0;
        for (int i = 7; i >= 0; i--) {
            fingerprint = (fingerprint << 8) | (bytes[2 + i] & 0xFFL);
        }
        return fingerprint;
    }

    static String hex(long fingerprint) {
        return "0x" + HexFormat.of().toHexDigits(fingerprint);
    }

    private static String firstBytes(byte[] bytes) {
        return "0x" + HexFormat.of().withUpperCase().formatHex(bytes, 0, Math.min(bytes.length, 4));
    }
}
