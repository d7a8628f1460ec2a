package org.cosmicstock.schemas.testing;

/** What the fake registry answers: an HTTP status and a JSON body. */
record FakeAnswer(int status, String body) {

    static FakeAnswer ok(Object json) {
        return new FakeAnswer(200, json.toString());
    }

    static FakeAnswer error(int status, int code, String message) {
        return new FakeAnswer(status, FakeSchemaRegistry.error(code, message));
    }
}
