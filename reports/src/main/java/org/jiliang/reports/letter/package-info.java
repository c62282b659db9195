/**
 * Letters the institute prints and sends (issue 12: the recall letter to an owner): a heading, the addressee, a
 * text, a table of instruments and a closing, every word given by the caller in both languages.
 */
package org.jiliang.reports.letter;
