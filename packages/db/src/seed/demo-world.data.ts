/** The cast of the demo world: believable agencies, rockets, missions and people. */
import type { Destination, Range } from '@astro/domain';

export interface DemoAgency {
  key: string;
  legalName: string;
  displayName: string;
  taxId: string;
  legalAddress: string;
  contactEmail: string;
  description: string;
  status: 'active' | 'suspended';
  spaceports: string[];
  rockets: { name: string; capacity: number; range: Range; active?: boolean }[];
  supplier: { name: string; email: string };
  /**
   * An agency outside the generated schedule, with this one launch of its own, so that one end-to-end journey can
   * change it and no other test's launch: unbooked and late in the future for the one that suspends an agency,
   * confirmed, booked (`parties`: the seats of each confirmed booking) and due yesterday for the one that marks it
   * launched and follows its invoice.
   */
  ownLaunch?: {
    missionName: string;
    destination: Destination;
    daysAhead: number;
    priceDollars: number;
    status?: 'scheduled' | 'confirmed';
    parties?: number[];
  };
}

export const demoAgencies: DemoAgency[] = [
  {
    key: 'orbital-horizons',
    legalName: 'Orbital Horizons, Inc.',
    displayName: 'Orbital Horizons',
    taxId: 'US-84-2039117',
    legalAddress: '1 Launch Complex Way, Cape Canaveral, FL 32920, USA',
    contactEmail: 'flights@orbital-horizons.example',
    description:
      'Crewed orbital flights from Florida since 2019, with the longest safety record in commercial spaceflight.',
    status: 'active',
    spaceports: ['Kennedy Space Center LC-39A, Florida', 'Cape Canaveral SLC-40, Florida'],
    rockets: [
      { name: 'Horizon Heavy', capacity: 12, range: 'moon' },
      { name: 'Horizon 9', capacity: 8, range: 'orbit' },
      { name: 'Horizon Lite', capacity: 6, range: 'orbit', active: false },
    ],
    supplier: { name: 'Maya Chen', email: 'maya.chen@orbital-horizons.example' },
  },
  {
    key: 'selene',
    legalName: 'Selene Launch Company LLC',
    displayName: 'Selene Launch Co.',
    taxId: 'US-47-9911024',
    legalAddress: '500 Mojave Airport Blvd, Mojave, CA 93501, USA',
    contactEmail: 'hello@selene-launch.example',
    description: 'Lunar flybys and surface stays for small crews, flown on reusable heavy lifters.',
    status: 'active',
    spaceports: ['Vandenberg SFB SLC-6, California'],
    rockets: [
      { name: 'Artemis Sparrow', capacity: 6, range: 'moon' },
      { name: 'Luna Express', capacity: 10, range: 'moon' },
    ],
    supplier: { name: 'Diego Ramírez', email: 'diego.ramirez@selene-launch.example' },
  },
  {
    key: 'red-frontier',
    legalName: 'Red Frontier Aerospace Corporation',
    displayName: 'Red Frontier',
    taxId: 'US-26-5540381',
    legalAddress: '2200 Starbase Road, Boca Chica, TX 78521, USA',
    contactEmail: 'expeditions@redfrontier.example',
    description: 'The first commercial expeditions to Mars: seven-month cruise, surface habitat, return included.',
    status: 'active',
    spaceports: ['Starbase Boca Chica, Texas'],
    rockets: [
      { name: 'Ares Pathfinder', capacity: 20, range: 'mars' },
      { name: 'Phobos Shuttle', capacity: 8, range: 'moon' },
    ],
    supplier: { name: 'Amara Okafor', email: 'amara.okafor@redfrontier.example' },
  },
  {
    key: 'kestrel',
    legalName: 'Kestrel Suborbital Ltd.',
    displayName: 'Kestrel Suborbital',
    taxId: 'GB-304917726',
    legalAddress: '14 Spaceport Lane, Sutherland KW14 7TZ, United Kingdom',
    contactEmail: 'bookings@kestrel.example',
    description: 'Ten minutes of weightlessness and the curve of the Earth, three flights a month.',
    status: 'active',
    spaceports: ['Spaceport America, New Mexico', 'SaxaVord Spaceport, Shetland'],
    rockets: [
      { name: 'Kestrel One', capacity: 6, range: 'suborbital' },
      { name: 'Kestrel Two', capacity: 6, range: 'suborbital' },
      { name: 'Peregrine', capacity: 4, range: 'orbit' },
    ],
    supplier: { name: 'Oliver Grant', email: 'oliver.grant@kestrel.example' },
  },
  {
    key: 'aurora',
    legalName: 'Aurora Romfart AS',
    displayName: 'Aurora Space',
    taxId: 'NO-921384775',
    legalAddress: 'Andøyveien 120, 8480 Andenes, Norway',
    contactEmail: 'reiser@aurora-space.example',
    description: 'Polar orbits over the northern lights, from the Arctic coast of Norway.',
    status: 'active',
    spaceports: ['Andøya Spaceport, Norway'],
    rockets: [{ name: 'Nordlys', capacity: 5, range: 'orbit' }],
    supplier: { name: 'Ingrid Solberg', email: 'ingrid.solberg@aurora-space.example' },
  },
  {
    key: 'pioneer',
    legalName: 'Pioneer Rocketworks Pty Ltd',
    displayName: 'Pioneer Rocketworks',
    taxId: 'AU-61-093-877-120',
    legalAddress: '3 Koonibba Road, Ceduna SA 5690, Australia',
    contactEmail: 'contact@pioneer-rocketworks.example',
    description: 'Suborbital hops over the Nullarbor. Flights paused while a safety review is under way.',
    status: 'suspended',
    spaceports: ['Koonibba Test Range, South Australia'],
    rockets: [{ name: 'Dingo', capacity: 3, range: 'suborbital' }],
    supplier: { name: 'Liam Walker', email: 'liam.walker@pioneer-rocketworks.example' },
  },
  {
    key: 'cobalt',
    legalName: 'Cobalt Skies Launch Services SRL',
    displayName: 'Cobalt Skies',
    taxId: 'IT-09876543210',
    legalAddress: 'Via dello Spazioporto 7, 72023 Grottaglie TA, Italy',
    contactEmail: 'voli@cobalt-skies.example',
    description: 'Suborbital flights over the Ionian Sea from the Grottaglie spaceport.',
    status: 'active',
    spaceports: ['Grottaglie Spaceport, Italy'],
    rockets: [{ name: 'Cobalt Arrow', capacity: 4, range: 'suborbital' }],
    supplier: { name: 'Giulia Ferri', email: 'giulia.ferri@cobalt-skies.example' },
    ownLaunch: { missionName: 'Ionian Arc', destination: 'suborbital', daysAhead: 430, priceDollars: 310_000 },
  },
  {
    key: 'meridian',
    legalName: 'Meridian Orbital Ltd',
    displayName: 'Meridian Orbital',
    taxId: 'GB-123456789',
    legalAddress: '4 Sutherland Spaceport Road, Melness, Sutherland IV27 4YP, United Kingdom',
    contactEmail: 'accounts@meridian-orbital.example',
    description: 'Orbital flights from the north coast of Scotland.',
    status: 'active',
    spaceports: ['SaxaVord Spaceport, Shetland'],
    rockets: [{ name: 'Meridian One', capacity: 6, range: 'orbit' }],
    supplier: { name: 'Fiona MacLeod', email: 'fiona.macleod@meridian-orbital.example' },
    ownLaunch: {
      missionName: 'Northern Light',
      destination: 'orbit',
      daysAhead: -1,
      priceDollars: 450_000,
      status: 'confirmed',
      parties: [2, 1, 2],
    },
  },
];

export const missionNames = [
  'First Light',
  'Blue Marble',
  'Tranquility',
  'Red Dawn',
  'Kármán Line',
  'Aurora Veil',
  'Silver Crescent',
  'Horizon Run',
  'Olympus',
  'Perigee',
  'Sea of Serenity',
  'Polar Night',
  'Apogee',
  'Daybreak',
  'Far Side',
  'Valles Marineris',
  'Skylark',
  'Meridian',
  'Copernicus',
  'Starlight',
  'Gale Crater',
  'Zenith',
  'Equinox',
  'Terminator Line',
  'Halo',
  'Jezero',
  'Shackleton Rim',
  'Night Glow',
  'Cassini',
  'Solstice',
  'Orion Belt',
  'Tycho',
  'Borealis',
  'Utopia Planitia',
  'Low Earth Loop',
  'Lagrange',
  'Hadley Rille',
  'Comet Tail',
];

/** Per-seat prices in whole dollars, by destination: the low and high end of the market. */
export const pricePerSeatDollars: Record<Destination, [number, number]> = {
  suborbital: [250_000, 480_000],
  orbit: [1_800_000, 6_500_000],
  moon: [28_000_000, 72_000_000],
  mars: [140_000_000, 260_000_000],
};

/** Every demo account signs in with this password (README); never used outside demo data. */
export const demoPassword = 'astro-demo-2026';

export const demoEmployees = [
  { name: 'Ada Okonkwo', email: 'ada.okonkwo@astrobookings.example', role: 'admin' },
  { name: 'Sam Reyes', email: 'sam.reyes@astrobookings.example', role: 'support' },
  { name: 'Priya Nair', email: 'priya.nair@astrobookings.example', role: 'finance' },
  { name: 'Tomás Herrera', email: 'tomas.herrera@astrobookings.example', role: 'operator' },
] as const;

export const travelerNames = [
  'Elena Petrova',
  'James Whitfield',
  'Aiko Tanaka',
  'Mohammed Al-Sayed',
  'Sofia Rossi',
  'Noah Fischer',
  'Chloé Martin',
  'Rafael Souza',
  'Hannah Berg',
  'Kwame Mensah',
  'Isabella García',
  'Lucas Novak',
  'Freya Lindqvist',
  'Arjun Mehta',
  'Grace Kim',
  'Mateo Fernández',
  'Olivia Brown',
  'Yusuf Demir',
  'Zara Ahmed',
  'Henrik Larsen',
  'Camila Torres',
  'Ethan Clarke',
  'Leila Haddad',
  'Victor Dubois',
];

/**
 * Travelers whose bookings only the bookings desk's browser test changes (support cancels one, finance refunds the
 * other), each with one confirmed seat, so no other test meets a booking of theirs changed, nor theirs another's.
 */
export const deskTravelerNames = ['Nadia Okafor', 'Tobias Wren'] as const;

export const companionNames = [
  'Anna Petrova',
  'Tom Whitfield',
  'Kenji Tanaka',
  'Layla Al-Sayed',
  'Marco Rossi',
  'Mia Fischer',
  'Paul Martin',
  'Beatriz Souza',
  'Erik Berg',
  'Ama Mensah',
  'Diego García',
  'Eva Novak',
  'Nils Lindqvist',
  'Kavya Mehta',
  'Daniel Kim',
  'Lucía Fernández',
  'Jack Brown',
  'Elif Demir',
  'Omar Ahmed',
  'Ida Larsen',
];

export const timeZones = [
  'America/New_York',
  'Europe/London',
  'Asia/Tokyo',
  'Europe/Berlin',
  'America/Sao_Paulo',
  'Asia/Dubai',
];

/** The e-mail address each demo traveler signs in with. */
export const travelerEmailOf = (name: string) =>
  `${name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, '.')}@example.com`;

export const demoTravelerEmails = travelerNames.map(travelerEmailOf);
