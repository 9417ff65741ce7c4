/**
 * A view's SELECT as the server stores it (information_schema.VIEWS.VIEW_DEFINITION), without
 * the `` `database`. `` it puts before every table, so the text does not tie the view to this
 * database's name.
 */
export function mysqlViewBody(sql: string, database: string): string {
  const qualifier = '`' + database.replaceAll('`', '``') + '`.';
  return sql.split(qualifier).join('').trim();
}
