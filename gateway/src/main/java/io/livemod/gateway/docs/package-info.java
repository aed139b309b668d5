/** The API contract ({@code /openapi.yaml}) and its readable page: off the data path. */
package io.livemod.gateway.docs;
