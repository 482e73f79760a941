/** Small helpers the rules share: source lines for messages, local suppressions, a test probe. */
package dev.goconc.checker.util;
