package org.cosmicstock.localstack;

/** A port the stack will listen on, with what it is for and the flag that moves it. */
public record PortClaim(int port, String purpose, String flag) {}
