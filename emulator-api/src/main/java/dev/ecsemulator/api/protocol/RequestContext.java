package dev.ecsemulator.api.protocol;

import dev.ecsemulator.core.Scope;

/** What a handler knows about the request besides its body: who asks, where, and its ID. */
public record RequestContext(Scope scope, String operation, String requestId) {}
