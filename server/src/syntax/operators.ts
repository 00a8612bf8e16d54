// Operator kinds the recognisers ask about: what compares, what assigns, what only tests.
import { ts } from 'ts-morph';

/** `==`, `===`, `!=`, `!==`. */
export function isEqualityOperator(k: ts.SyntaxKind): boolean {
  return k === ts.SyntaxKind.EqualsEqualsEqualsToken || k === ts.SyntaxKind.ExclamationEqualsEqualsToken || k === ts.SyntaxKind.EqualsEqualsToken || k === ts.SyntaxKind.ExclamationEqualsToken;
}

/** `=`, `+=`, `??=` and the other operators that assign their left side. */
export function isAssignmentOperator(k: ts.SyntaxKind): boolean {
  return k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;
}

/** `&&`, `||`. */
export function isLogicalOperator(k: ts.SyntaxKind): boolean {
  return k === ts.SyntaxKind.AmpersandAmpersandToken || k === ts.SyntaxKind.BarBarToken;
}
