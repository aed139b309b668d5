/**
 * HTTP concerns every route shares, at the edge of the data path: connection limits and body
 * deadlines before a request is read, the route table mechanism, reading requests, JSON answers,
 * the one error shape, and keyset paging over projections.
 */
package io.livemod.gateway.http;
