/** Valid profile bodies for each role; tests change one field at a time. */

const DAY = 86_400_000;
export const daysFromToday = (days: number) =>
  new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

export const volunteerProfile = () => ({
  name: 'Amira Haddad',
  preferredName: 'Ami',
  phone: '+447911123456',
  timezone: 'Europe/London',
  languages: ['en', 'ar'],
  organisation: "Help Refugees / L'Auberge",
  deployments: [
    { location: 'Calais', country: 'FR', startsOn: daysFromToday(-60), endsOn: daysFromToday(-15) },
  ],
});

export const therapistProfile = () => ({
  membershipBody: 'BACP',
  membershipNumber: '012345',
  modalities: ['video', 'in_person'],
  town: 'Leeds',
  languages: ['en'],
  monthlyCapacity: 3,
  gender: 'woman',
  bio: 'Trauma-informed counsellor.',
});

export const buddyProfile = () => ({
  kind: 'humanitarian',
  languages: ['en', 'el'],
  timezone: 'Europe/Athens',
  dbs: {
    level: 'enhanced',
    certificateNumber: '001234567890',
    issuedOn: '2025-01-10',
    updateService: true,
  },
});
