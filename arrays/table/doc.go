// Package table gives CSV data a home: a Table is named columns of equal
// length, each of its own kind (numbers and bools as arrays, strings, date-
// times), with missing values marked. It reads and writes CSV, selects and
// filters rows and columns, sorts, groups with the common aggregations,
// joins two tables on a key, describes its numeric columns, and prints
// itself as text and as an HTML table for the notebook.
package table
