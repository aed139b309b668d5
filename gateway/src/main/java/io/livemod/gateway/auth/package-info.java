/** Who may call: bearer JWTs with a role (moderator, officer, admin), the checks the route table puts in front of routes. */
package io.livemod.gateway.auth;
