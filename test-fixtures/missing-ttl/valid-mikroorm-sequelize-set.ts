// valid: Sequelize instance.set() and MikroORM wrap(entity).assign() change entities, not a cache
import { MikroORM, wrap } from '@mikro-orm/core';
import { Model, DataTypes, Sequelize } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');
class Ticket extends Model {}
Ticket.init({ title: DataTypes.STRING, state: DataTypes.STRING }, { sequelize });

export async function closeTicket(id: number) {
  const ticket = await Ticket.findByPk(id);
  if (!ticket) return;
  ticket.set('state', 'closed');
  ticket.set({ title: `[closed] ${ticket.get('title')}` });
  await ticket.save();
}

export async function renameProject(orm: MikroORM, id: string, name: string) {
  const em = orm.em.fork();
  const project = await em.findOneOrFail('Project', { id });
  wrap(project).assign({ name });
  await em.flush();
}
