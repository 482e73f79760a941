/**
 * The API names the rules match, in one place: the goconc runtime's types and methods (by fully
 * qualified name, so the checker never loads the runtime) and the JDK calls that start, block or
 * end work. A renamed runtime method breaks this package alone.
 */
package dev.goconc.checker.api;
