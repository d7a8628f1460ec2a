package org.cosmicstock.schemas.codec;

import java.io.EOFException;
import java.io.IOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;

/** Reads the Avro binary body after the header, turning every failure into a typed, readable one. */
final class BodyReader {

    private BodyReader() {}

    /**
     * @param offset where the body starts, after the header
     * @param where the type and its fingerprint or schema id, for the operator reading the error
     */
    static SpecificRecord read(DatumReader<SpecificRecord> reader, byte[] bytes, int offset, String where) {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, null);
        SpecificRecord message;
        try {
            message = reader.read(null, decoder);
        } catch (EOFException e) {
            throw new MalformedMessageException("Malformed message: truncated body for " + where, e);
        } catch (IOException | RuntimeException e) {
            // Garbage reaches Avro as negative lengths, bad union branches and the like.
            throw new MalformedMessageException("Malformed message: invalid body for " + where + ": " + e, e);
        }
        int trailing = remaining(decoder);
        if (trailing != 0) {
            // A reader that stops early would silently accept a wrong schema or two messages glued together.
            throw new MalformedMessageException("Malformed message: " + trailing + " trailing byte"
                    + (trailing == 1 ? "" : "s") + " after the body for " + where);
        }
        return message;
    }

    private static int remaining(BinaryDecoder decoder) {
        try {
            return decoder.isEnd() ? 0 : Math.max(1, decoder.inputStream().available());
        } catch (IOException e) {
            return 1;
        }
    }
}
