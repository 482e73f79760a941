/**
 * Suggested-fix builders: source edits that compile and keep behaviour, laid out in the file's own
 * indentation. A rule offers a fix only when one of these can build it.
 */
package dev.goconc.checker.fixes;
