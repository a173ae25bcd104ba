/**
 * The citizen portal: residents logged in through the national identity provider see their own records and their
 * household's children's in every province that holds them, download certificates, see who read their records, and
 * send feedback that their commune's station answers.
 */
package vn.hssk.citizen;
