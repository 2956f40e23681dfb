package org.kleline.ledger.bench.endtoend;

/** A response as the loads judge it: the status and the body as text. */
record Answer(int status, String body) {}
