export class PersonMatchView {
  id!: string;
  name!: string;
  email!: string;
  /** @example volunteer */
  role!: string;
}

export class PeopleSearchView {
  /** At most 20, by name; narrow the search when there are more. */
  items!: PersonMatchView[];
}
