/** The web console's files and, in dev mode, its sign-in helpers: off the data path, served by the gateway. */
package io.livemod.gateway.console;
