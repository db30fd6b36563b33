import type { PrismaClient } from "../../db/client.js";
import type { TestUser } from "../bot-api-types.js";
import { NEW_PERSON_TELEGRAM_ID_BASE } from "./demo-data.js";

/**
 * Who the page can play: everyone in the database with a Telegram id (the demo people and
 * whoever joined since), and the new people added on the page who have not joined yet.
 */
export type PersonaRole = "admin" | "staff" | "coordinator" | "member" | "stakeholder" | "guest";

export type Persona = {
  /** the Telegram user id (= the private chat's id) */
  id: number;
  name: string;
  role: PersonaRole;
  /** group names or the institution */
  detail: string | null;
  /** what the share-contact button shares */
  phone: string;
};

const ORDER: Record<PersonaRole, number> = { admin: 0, staff: 1, coordinator: 2, member: 3, stakeholder: 4, guest: 5 };

export class PersonaStore {
  private readonly guests = new Map<number, { name: string; phone: string }>();
  private nextGuestId = NEW_PERSON_TELEGRAM_ID_BASE;

  constructor(private readonly prisma: PrismaClient) {}

  /** A new person who has not joined: a fresh Telegram id and a made-up phone number. */
  addGuest(name: string): Persona {
    const id = ++this.nextGuestId;
    const phone = `+62813${String(id % 100_000_000).padStart(8, "0")}`;
    this.guests.set(id, { name, phone });
    return { id, name, role: "guest", detail: null, phone };
  }

  forget(): void {
    this.guests.clear();
  }

  async list(): Promise<Persona[]> {
    const rows = await this.prisma.person.findMany({
      where: { telegramId: { not: null }, status: { in: ["active", "unreachable"] } },
      select: {
        telegramId: true,
        name: true,
        phone: true,
        staffRole: true,
        stakeholder: { select: { institution: true } },
        memberships: { where: { status: "active" }, select: { role: true, group: { select: { name: true } } }, orderBy: { id: "asc" } },
      },
      orderBy: { id: "asc" },
    });
    const known = new Set<number>();
    const personas: Persona[] = rows.map((row) => {
      const id = Number(row.telegramId);
      known.add(id);
      const guest = this.guests.get(id);
      const role: PersonaRole =
        row.staffRole ??
        (row.memberships.some((m) => m.role === "coordinator") ? "coordinator"
        : row.memberships.length > 0 ? "member"
        : row.stakeholder ? "stakeholder"
        : "guest");
      const detail =
        row.memberships.length > 0 ? row.memberships.map((m) => m.group.name).join(", ") : (row.stakeholder?.institution ?? null);
      return { id, name: row.name ?? guest?.name ?? String(id), role, detail, phone: guest?.phone ?? row.phone ?? fallbackPhone(id) };
    });
    for (const [id, guest] of this.guests) {
      if (!known.has(id)) personas.push({ id, name: guest.name, role: "guest", detail: null, phone: guest.phone });
    }
    return personas.sort((a, b) => ORDER[a.role] - ORDER[b.role] || a.id - b.id);
  }

  async find(id: number): Promise<Persona | undefined> {
    return (await this.list()).find((p) => p.id === id);
  }
}

function fallbackPhone(id: number): string {
  return `+62812${String(id % 100_000_000).padStart(8, "0")}`;
}

/** The Telegram profile of a persona: first name and the rest, Indonesian client. */
export function telegramUserOf(persona: Pick<Persona, "id" | "name">): TestUser {
  const [first = persona.name, ...rest] = persona.name.trim().split(/\s+/);
  return { id: persona.id, first_name: first, ...(rest.length > 0 && { last_name: rest.join(" ") }), language_code: "id" };
}
